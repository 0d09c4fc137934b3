"""Qt widgets and models; never imports whoosh or markdown."""
