"""The page flow in three phases: collect (the issue into typed grid lines), distribute
(grid lines onto pages) and finalize (pages of the box tree)."""
