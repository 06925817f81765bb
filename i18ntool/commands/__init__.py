"""The commands, one module per family; `i18ntool.cli` gathers them into the group."""
