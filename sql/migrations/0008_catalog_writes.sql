-- 0008_catalog_writes.sql: what the vendors' product writes (issue 5) keep beyond the read
-- side's columns: the app's updateProduct sends specifications and dimensions (JSON), a weight
-- and care instructions. All optional; IF NOT EXISTS keeps the file re-runnable.
ALTER TABLE products
  ADD COLUMN IF NOT EXISTS specifications    JSON NULL CHECK (JSON_VALID(specifications)),
  ADD COLUMN IF NOT EXISTS dimensions        JSON NULL CHECK (JSON_VALID(dimensions)),
  ADD COLUMN IF NOT EXISTS weight_kg         DECIMAL(10,3) NULL CHECK (weight_kg >= 0),
  ADD COLUMN IF NOT EXISTS care_instructions VARCHAR(2000) NULL;
