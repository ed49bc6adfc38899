"""Codes: love-card and counter QR codes, and reading them from photos."""
