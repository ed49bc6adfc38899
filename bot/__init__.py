"""The chat ordering assistant: Chinese understanding with jieba, multi-turn dialogue over the domain.

No aiohttp here: the HTTP endpoint and the WeChat push handler both call `Assistant.handle`.
"""
