"""The LLM prompts as data (installed as ``stargate_digest.prompts``); see docs/llm.md."""
