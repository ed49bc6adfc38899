"""The chat ordering assistant (jieba understanding, dialogue, Chinese replies). Calls models/ directly; no aiohttp."""
