"""The desktop app: the only package that imports PySide6. A frame (main_window) wires
panels to a document controller."""
