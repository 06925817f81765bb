"""Exchanging translations with other tools: XLIFF for CAT tools, TMX translation memories."""
