// Every migration, oldest first. Append; never edit one that shipped.
