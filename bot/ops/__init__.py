"""For the ministry's office: anonymous demand counters and their report, Prometheus
metrics, and posters with QR codes. Heavy libraries are imported only by the commands
that need them."""
