"""The workstation's settings: their stored values, the settings window, the first start."""
