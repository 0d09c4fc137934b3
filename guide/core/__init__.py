"""The Qt-free engine: content library, rendering, search, handouts and settings."""
