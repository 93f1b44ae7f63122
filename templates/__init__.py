"""The built-in theme: the repo's top-level templates/, shipped inside the wheel as newsgen.theme."""
