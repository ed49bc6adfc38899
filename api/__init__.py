"""The HTTP front door: aiohttp handlers over the domain in models/."""
