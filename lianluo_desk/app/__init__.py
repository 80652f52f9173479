"""The application layer: what the editor does with an issue — make a new one, bring in
drafts, publish it, correct it — once, for both the command line and the window. Each
operation returns what happened (the issue, its warnings, a report per draft) and never
prints or shows anything: ``cli.py`` prints it, ``ui/`` puts it in the window."""
