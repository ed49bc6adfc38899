"""Places and addresses: the region directory, short names, the one-line address reader."""
