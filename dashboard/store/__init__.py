"""The store: the validated, typed package that every page reads. Today it is read from a
CSV folder; a database of revisions can later hand out the same `Package`."""
