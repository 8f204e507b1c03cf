"""What the screens share: work off the UI thread, formatting, keys, field problems,
window fit, the UI language."""
