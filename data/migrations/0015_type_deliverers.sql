-- Who delivers an appointment type: JSON arrays of clinician ids and of
-- roles (as typed on the clinician, e.g. "Physiotherapist"). Both empty
-- means anyone may, which is how every type made before this reads, so an
-- existing clinic books exactly as it did.
ALTER TABLE appointment_types ADD COLUMN deliverer_clinicians TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(deliverer_clinicians));
ALTER TABLE appointment_types ADD COLUMN deliverer_roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(deliverer_roles));
