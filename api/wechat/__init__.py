"""The protocol edges to WeChat's servers (login now; message push and pay later)."""
