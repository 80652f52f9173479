"""Outputs: the painter interface, the PDF painter, the text trace, and the DOCX built from
the model with the layout's decisions carried over."""
