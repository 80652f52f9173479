"""lianluo_desk — 《联络动态》 editorial and layout application."""
