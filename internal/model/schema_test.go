package model

import "testing"

func TestSchemaValid(t *testing.T) {
	tests := []struct {
		schema     Schema
		valid      bool
		isRelation bool
		isFtM      bool
		hasTarget  bool
	}{
		{Person, true, false, true, false},
		{MessengerAccount, true, false, true, false},
		{Phone, true, false, false, false},
		{ScamCentre, true, false, false, false},
		{Ownership, true, true, true, true},
		{Payment, true, true, true, true},
		{Sanction, true, true, true, false},
		{Identification, true, true, true, false},
		{"Uses", false, false, false, false},
		{"person", false, false, false, false},
		{"", false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.schema), func(t *testing.T) {
			if got := tt.schema.Valid(); got != tt.valid {
				t.Errorf("Schema(%q).Valid() = %v; want %v", tt.schema, got, tt.valid)
			}
			if got := tt.schema.IsRelation(); got != tt.isRelation {
				t.Errorf("Schema(%q).IsRelation() = %v; want %v", tt.schema, got, tt.isRelation)
			}
			if got := tt.schema.IsFtM(); got != tt.isFtM {
				t.Errorf("Schema(%q).IsFtM() = %v; want %v", tt.schema, got, tt.isFtM)
			}
			if got := tt.schema.HasTarget(); got != tt.hasTarget {
				t.Errorf("Schema(%q).HasTarget() = %v; want %v", tt.schema, got, tt.hasTarget)
			}
		})
	}
}

func TestMessengerAccountIsUserAccount(t *testing.T) {
	// The stored value must be FtM's, whatever we call it in Go.
	if MessengerAccount != "UserAccount" {
		t.Errorf("MessengerAccount = %q; want %q", MessengerAccount, "UserAccount")
	}
}

func TestSchemaListsAreDisjointAndComplete(t *testing.T) {
	seen := map[Schema]bool{}
	for _, s := range append(append([]Schema{}, EntitySchemas...), RelationSchemas...) {
		if seen[s] {
			t.Errorf("schema %q listed twice", s)
		}
		seen[s] = true
		if !s.Valid() {
			t.Errorf("listed schema %q is not Valid", s)
		}
	}
	for _, s := range RelationSchemas {
		source, _ := s.Ends()
		if source == "" {
			t.Errorf("relation schema %q has no source property", s)
		}
	}
	for _, s := range EntitySchemas {
		if s.IsRelation() {
			t.Errorf("entity schema %q reports IsRelation", s)
		}
	}
}

func TestEnds(t *testing.T) {
	tests := []struct {
		schema         Schema
		source, target Property
	}{
		{Ownership, "owner", "asset"},
		{Payment, "payer", "beneficiary"},
		{Sanction, "entity", ""},
		{Person, "", ""},
	}
	for _, tt := range tests {
		source, target := tt.schema.Ends()
		if source != tt.source || target != tt.target {
			t.Errorf("Schema(%q).Ends() = %q, %q; want %q, %q", tt.schema, source, target, tt.source, tt.target)
		}
	}
}

func TestRecordTypeValid(t *testing.T) {
	tests := []struct {
		typ   RecordType
		valid bool
	}{
		{ReportRecord, true},
		{EvidenceRecord, true},
		{ListEntryRecord, true},
		{TransferRecord, true},
		{"list-entry", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tt.typ.Valid(); got != tt.valid {
			t.Errorf("RecordType(%q).Valid() = %v; want %v", tt.typ, got, tt.valid)
		}
	}
}
