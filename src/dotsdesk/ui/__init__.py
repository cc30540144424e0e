"""Everything Qt: windows, panels, item models, undo commands, workers."""
