"""The issue as data: masthead, articles of blocks, footer; the issue file; the edits the
app and the command line share. Imports nothing of ours but errors and template."""
