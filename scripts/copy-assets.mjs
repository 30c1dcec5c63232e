// Build step for @meetbridge/server: nothing to copy yet besides what tsc emits; migrations are read
// from packages/server/drizzle at run time. Kept as the single place for future static assets.
