package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scamint/scamint/internal/model"
	"github.com/scamint/scamint/internal/selector"
)

// The whole chain a court would ask about: a fact about an entity, read
// back with the record, the file's name and SHA-256, when and by whom.
func TestRoundTripWithProvenance(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ingested := time.Date(2025, 10, 14, 9, 30, 0, 123456789, time.UTC)
		received := time.Date(2025, 9, 1, 0, 0, 0, 0, time.FixedZone("KST", 9*3600))

		tx := begin(t, s)
		fileID, created, err := tx.AddSourceFile(ctx, model.SourceFile{
			FileName: "ofac-sdn-2025-10-14.csv", SHA256: sha("ofac"), SizeBytes: 4096,
			MediaType: "text/csv", IngestedAt: ingested, IngestedBy: "analyst.kim",
		})
		if err != nil || !created || fileID <= 0 {
			t.Fatalf("AddSourceFile = %d, %v, %v; want a new id", fileID, created, err)
		}
		rec := model.Record{
			ID: "ofac-12345", Type: model.ListEntryRecord, SourceFileID: fileID, Locator: "entry 12345",
			ReceivedAt: received, IngestedAt: ingested, IngestedBy: "analyst.kim",
			Body: []byte(`{"name":"CHEN, Zhi","program":"TCO"}`),
		}
		if inserted, err := tx.PutRecord(ctx, rec); err != nil || !inserted {
			t.Fatalf("PutRecord = %v, %v; want true, nil", inserted, err)
		}
		report := model.Record{
			ID: "KR-2025-0001", Type: model.ReportRecord, SourceFileID: fileID, Locator: "line 7",
			IngestedBy: "analyst.kim", Body: []byte(`{"narrative":"sent USDT to TQ…"}`),
		}
		if _, err := tx.PutRecord(ctx, report); err != nil {
			t.Fatalf("PutRecord(report): %v", err)
		}

		prov := model.Provenance{RecordID: rec.ID}
		person := model.Entity{ID: "person-chen-zhi", Schema: model.Person, Caption: "Chen Zhi",
			FirstSeen: ingested, LastSeen: ingested}
		company := model.Entity{ID: "company-prince-group", Schema: model.Company, Caption: "Prince Holding Group"}
		wallet := model.Entity{ID: "wallet-btc-1", Schema: model.CryptoWallet}
		for _, e := range []model.Entity{person, company, wallet} {
			if err := tx.PutEntity(ctx, e); err != nil {
				t.Fatalf("PutEntity(%q): %v", e.ID, err)
			}
		}
		statements := []model.Statement{
			{EntityID: person.ID, Property: model.PropName, Value: "Chen Zhi", Provenance: prov},
			{EntityID: person.ID, Property: model.PropAlias, Value: "陈志", Provenance: prov},
			{EntityID: person.ID, Property: model.PropBirthDate, Value: "1987-12-16", Provenance: prov},
			{EntityID: person.ID, Property: model.PropNationality, Value: "kh", Provenance: prov},
			// The same fact from a second record is a second statement.
			{EntityID: person.ID, Property: model.PropName, Value: "Chen Zhi", Provenance: model.Provenance{RecordID: report.ID}},
		}
		for _, st := range statements {
			if err := tx.AddStatement(ctx, st); err != nil {
				t.Fatalf("AddStatement(%s): %v", st.Property, err)
			}
		}
		// Again: a no-op.
		if err := tx.AddStatement(ctx, statements[0]); err != nil {
			t.Fatalf("AddStatement again: %v", err)
		}
		ownership := model.Relation{ID: "own-1", Schema: model.Ownership, Source: person.ID, Target: company.ID,
			Role: "chairman", StartDate: "2015", Provenance: prov}
		sanction := model.Relation{ID: "sanction-1", Schema: model.Sanction, Source: person.ID,
			StartDate: "2025-10-14", Provenance: prov}
		for _, r := range []model.Relation{ownership, sanction} {
			if err := tx.AddRelation(ctx, r); err != nil {
				t.Fatalf("AddRelation(%q): %v", r.ID, err)
			}
		}
		// A relation's own facts are statements about it.
		if err := tx.AddStatement(ctx, model.Statement{EntityID: sanction.ID, Property: model.PropProgram, Value: "TCO", Provenance: prov}); err != nil {
			t.Fatalf("AddStatement(program): %v", err)
		}

		addr := selector.Selector{Kind: selector.Crypto, Canonical: "bc1qexampleaddress", Valid: true, Display: "bc1qexampleaddress"}
		selID, err := tx.UpsertSelector(ctx, addr)
		if err != nil {
			t.Fatalf("UpsertSelector: %v", err)
		}
		if again, err := tx.UpsertSelector(ctx, addr); err != nil || again != selID {
			t.Fatalf("UpsertSelector again = %d, %v; want %d", again, err, selID)
		}
		mentions := []model.Mention{
			{SelectorID: selID, Field: "addresses.btc", Start: 0, End: 18, Provenance: prov},
			{SelectorID: selID, Field: "narrative", Extracted: true, Start: 12, End: 30, Provenance: model.Provenance{RecordID: report.ID}},
		}
		for _, m := range mentions {
			if err := tx.LinkRecordSelector(ctx, m); err != nil {
				t.Fatalf("LinkRecordSelector(%s): %v", m.Field, err)
			}
		}
		if err := tx.LinkEntitySelector(ctx, wallet.ID, selID, rec.ID); err != nil {
			t.Fatalf("LinkEntitySelector: %v", err)
		}
		commit(t, tx)

		// Record.
		got, err := s.Record(ctx, rec.ID)
		if err != nil {
			t.Fatalf("Record: %v", err)
		}
		if got.Type != rec.Type || got.SourceFileID != fileID || got.Locator != rec.Locator ||
			string(got.Body) != string(rec.Body) || got.IngestedBy != rec.IngestedBy ||
			!got.IngestedAt.Equal(storedTime(ingested)) || !got.ReceivedAt.Equal(received) ||
			got.ContentSHA256 != sha(string(rec.Body)) || got.Supersedes != "" {
			t.Errorf("Record(%q) = %+v; want %+v", rec.ID, got, rec)
		}
		if got.IngestedAt.Location() != time.UTC {
			t.Errorf("Record(%q).IngestedAt in %v; want UTC", rec.ID, got.IngestedAt.Location())
		}
		f, err := s.SourceFile(ctx, fileID)
		if err != nil || f.FileName != "ofac-sdn-2025-10-14.csv" || f.SHA256 != sha("ofac") || f.SizeBytes != 4096 {
			t.Errorf("SourceFile(%d) = %+v, %v", fileID, f, err)
		}

		// Entity, with each statement's full provenance.
		e, err := s.Entity(ctx, person.ID)
		if err != nil {
			t.Fatalf("Entity: %v", err)
		}
		if e.Schema != model.Person || e.Caption != "Chen Zhi" || !e.FirstSeen.Equal(storedTime(ingested)) {
			t.Errorf("Entity(%q) = %+v", person.ID, e)
		}
		if len(e.Statements) != len(statements) {
			t.Fatalf("Entity(%q) has %d statements; want %d: %+v", person.ID, len(e.Statements), len(statements), e.Statements)
		}
		wantProv := model.Provenance{
			RecordID: rec.ID, RecordType: model.ListEntryRecord, Locator: "entry 12345",
			SourceFileID: fileID, SourceFileName: "ofac-sdn-2025-10-14.csv", SourceFileSHA256: sha("ofac"),
			IngestedAt: storedTime(ingested), IngestedBy: "analyst.kim",
		}
		var alias model.Statement
		names := 0
		for _, st := range e.Statements {
			switch st.Property {
			case model.PropAlias:
				alias = st
			case model.PropName:
				names++
			}
		}
		if alias.Value != "陈志" || alias.Provenance != wantProv {
			t.Errorf("alias statement = %+v; want value 陈志 with provenance %+v", alias, wantProv)
		}
		if names != 2 {
			t.Errorf("%d name statements; want 2, one per record", names)
		}

		// Relations, from either end.
		rels, err := s.Relations(ctx, company.ID)
		if err != nil {
			t.Fatalf("Relations(company): %v", err)
		}
		wantOwn := ownership
		wantOwn.Provenance = wantProv
		if len(rels) != 1 || rels[0] != wantOwn {
			t.Errorf("Relations(%q) = %+v; want [%+v]", company.ID, rels, wantOwn)
		}
		rels, err = s.Relations(ctx, person.ID)
		if err != nil || len(rels) != 2 {
			t.Fatalf("Relations(person) = %+v, %v; want 2", rels, err)
		}
		if rels[1].Schema != model.Sanction || rels[1].Target != "" {
			t.Errorf("Relations(person)[1] = %+v; want the Sanction with no target", rels[1])
		}
		sanctionEntity, err := s.Entity(ctx, sanction.ID)
		if err != nil || sanctionEntity.Schema != model.Sanction || len(sanctionEntity.Statements) != 1 ||
			sanctionEntity.Statements[0].Value != "TCO" {
			t.Errorf("Entity(%q) = %+v, %v; want the Sanction with its programme", sanction.ID, sanctionEntity, err)
		}
		if rels, err := s.Relations(ctx, wallet.ID); err != nil || len(rels) != 0 {
			t.Errorf("Relations(wallet) = %+v, %v; want none", rels, err)
		}

		// Selector → records.
		ms, err := s.SelectorRecords(ctx, selector.Crypto, "bc1qexampleaddress")
		if err != nil {
			t.Fatalf("SelectorRecords: %v", err)
		}
		if len(ms) != 2 {
			t.Fatalf("SelectorRecords = %+v; want 2 mentions", ms)
		}
		// In the order the records arrived: the list entry, then the report.
		if ms[0].Provenance != wantProv || ms[0].Extracted || ms[0].Field != "addresses.btc" || ms[0].SelectorID != selID {
			t.Errorf("mention[0] = %+v; want the field mention with provenance %+v", ms[0], wantProv)
		}
		if ms[1].Provenance.RecordID != report.ID || !ms[1].Extracted || ms[1].Field != "narrative" || ms[1].Start != 12 || ms[1].End != 30 {
			t.Errorf("mention[1] = %+v; want the extracted narrative mention in %s", ms[1], report.ID)
		}

		counts := rowCounts(t, s)
		want := map[string]int64{"source_files": 1, "records": 2, "entities": 5, "statements": 6,
			"relations": 2, "selectors": 1, "record_selectors": 2, "entity_selectors": 1}
		for table, n := range want {
			if counts[table] != n {
				t.Errorf("Stats().Rows[%q] = %d; want %d", table, counts[table], n)
			}
		}
	})
}

func TestNotFound(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		_, err1 := s.Record(ctx, "nope")
		_, err2 := s.Entity(ctx, "nope")
		_, err3 := s.SelectorRecords(ctx, selector.Phone, "+821000000000")
		_, err4 := s.Relations(ctx, "nope")
		_, err5 := s.SourceFile(ctx, 42)
		for i, err := range []error{err1, err2, err3, err4, err5} {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("lookup %d: error = %v; want ErrNotFound", i+1, err)
			}
		}
	})
}

func TestPutRecordIdempotentAndConflict(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		file := addFile(t, tx, "reports.csv")
		r := model.Record{ID: "KR-1", Type: model.ReportRecord, SourceFileID: file, IngestedBy: "analyst.kim",
			Body: []byte(`{"phone":"+821012345678"}`)}
		if inserted, err := tx.PutRecord(ctx, r); err != nil || !inserted {
			t.Fatalf("PutRecord = %v, %v; want true, nil", inserted, err)
		}
		commit(t, tx)

		// A second import of the same data, from another file even, adds
		// nothing.
		tx = begin(t, s)
		r.SourceFileID = addFile(t, tx, "reports-again.csv")
		if inserted, err := tx.PutRecord(ctx, r); err != nil || inserted {
			t.Fatalf("PutRecord again = %v, %v; want false, nil", inserted, err)
		}
		other := r
		other.Body = []byte(`{"phone":"+821099999999"}`)
		_, err := tx.PutRecord(ctx, other)
		if !errors.Is(err, ErrConflict) {
			t.Fatalf("PutRecord with other content = %v; want ErrConflict", err)
		}
		retyped := r
		retyped.Type = model.EvidenceRecord
		if _, err := tx.PutRecord(ctx, retyped); !errors.Is(err, ErrConflict) {
			t.Fatalf("PutRecord with other type = %v; want ErrConflict", err)
		}
		// The Tx goes on after a conflict.
		putReport(t, tx, r.SourceFileID, "KR-2", `{}`)
		commit(t, tx)

		got, err := s.Record(ctx, "KR-1")
		if err != nil || string(got.Body) != string(r.Body) || got.SourceFileID != file {
			t.Errorf("Record(KR-1) = %+v, %v; want the first version from the first file", got, err)
		}
		if n := rowCounts(t, s)["records"]; n != 2 {
			t.Errorf("%d records; want 2", n)
		}
	})
}

func TestAddSourceFileKnownBySHA256(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		f := model.SourceFile{FileName: "a.csv", SHA256: sha("same bytes"), SizeBytes: 10, IngestedBy: "analyst.kim"}
		id1, created1, err := tx.AddSourceFile(ctx, f)
		if err != nil || !created1 {
			t.Fatalf("AddSourceFile = %d, %v, %v", id1, created1, err)
		}
		f.FileName = "renamed.csv"
		id2, created2, err := tx.AddSourceFile(ctx, f)
		if err != nil || created2 || id2 != id1 {
			t.Errorf("AddSourceFile(same sha256, new name) = %d, %v, %v; want %d, false, nil", id2, created2, err, id1)
		}
	})
}

func TestRollbackLeavesNothing(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		file := addFile(t, tx, "reports.csv")
		putReport(t, tx, file, "KR-1", `{}`)
		if err := tx.PutEntity(ctx, model.Entity{ID: "p1", Schema: model.Person}); err != nil {
			t.Fatal(err)
		}
		if err := tx.AddStatement(ctx, model.Statement{EntityID: "p1", Property: model.PropName, Value: "Kim",
			Provenance: model.Provenance{RecordID: "KR-1"}}); err != nil {
			t.Fatal(err)
		}
		id, err := tx.UpsertSelector(ctx, selector.Selector{Kind: selector.Phone, Canonical: "+821012345678", Valid: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.LinkRecordSelector(ctx, model.Mention{SelectorID: id, Field: "phone", End: 13,
			Provenance: model.Provenance{RecordID: "KR-1"}}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatalf("Rollback: %v", err)
		}
		if err := tx.Rollback(); err != nil {
			t.Errorf("second Rollback: %v; want nil", err)
		}
		for table, n := range rowCounts(t, s) {
			if n != 0 {
				t.Errorf("after Rollback, %s has %d rows; want 0", table, n)
			}
		}
		// The writer is free again.
		tx = begin(t, s)
		putReport(t, tx, addFile(t, tx, "reports.csv"), "KR-1", `{}`)
		commit(t, tx)
	})
}

func TestForeignKeysEnforced(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		file := addFile(t, tx, "reports.csv")
		putReport(t, tx, file, "KR-1", `{}`)
		if err := tx.PutEntity(ctx, model.Entity{ID: "p1", Schema: model.Person}); err != nil {
			t.Fatal(err)
		}
		commit(t, tx)

		prov := model.Provenance{RecordID: "KR-1"}
		tests := []struct {
			name  string
			write func(tx *Tx) error
		}{
			{"record from unknown file", func(tx *Tx) error {
				_, err := tx.PutRecord(ctx, model.Record{ID: "KR-9", Type: model.ReportRecord, SourceFileID: 999,
					IngestedBy: "x", Body: []byte(`{}`)})
				return err
			}},
			{"statement about unknown entity", func(tx *Tx) error {
				return tx.AddStatement(ctx, model.Statement{EntityID: "ghost", Property: model.PropName, Value: "x", Provenance: prov})
			}},
			{"statement from unknown record", func(tx *Tx) error {
				return tx.AddStatement(ctx, model.Statement{EntityID: "p1", Property: model.PropName, Value: "x",
					Provenance: model.Provenance{RecordID: "no-such-record"}})
			}},
			{"relation to unknown entity", func(tx *Tx) error {
				return tx.AddRelation(ctx, model.Relation{ID: "r1", Schema: model.Associate, Source: "p1", Target: "ghost", Provenance: prov})
			}},
			{"mention of unknown selector", func(tx *Tx) error {
				if err := tx.LinkRecordSelector(ctx, model.Mention{SelectorID: 999, Field: "phone", Provenance: prov}); err != nil {
					return err
				}
				// Mentions are written in batches: checked at the
				// latest at commit.
				return tx.Commit()
			}},
			{"entity selector of unknown entity", func(tx *Tx) error {
				return tx.LinkEntitySelector(ctx, "ghost", 999, "KR-1")
			}},
			{"correction of unknown record", func(tx *Tx) error {
				if _, err := tx.PutRecord(ctx, model.Record{ID: "KR-2", Type: model.ReportRecord, SourceFileID: file,
					IngestedBy: "x", Supersedes: "KR-404", Body: []byte(`{}`)}); err != nil {
					return err
				}
				// Checked at commit, so that a file may hold the
				// correction before the original.
				return tx.Commit()
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := rowCounts(t, s)
				tx := begin(t, s)
				err := tt.write(tx)
				if err == nil {
					t.Fatal("write succeeded; want a foreign-key error")
				}
				if !strings.Contains(strings.ToLower(err.Error()), "foreign key") && !errors.Is(err, ErrNotFound) {
					t.Errorf("error = %v; want a foreign-key error or ErrNotFound", err)
				}
				tx.Rollback()
				after := rowCounts(t, s)
				for table := range before {
					if before[table] != after[table] {
						t.Errorf("%s went from %d to %d rows", table, before[table], after[table])
					}
				}
			})
		}
		// A failed statement or commit leaves the writer usable.
		tx = begin(t, s)
		putReport(t, tx, file, "KR-3", `{}`)
		commit(t, tx)
	})
}

func TestEntityMergeAndSchemaConflict(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t1 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		t2 := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
		t3 := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		tx := begin(t, s)
		steps := []model.Entity{
			{ID: "w1", Schema: model.CryptoWallet, Caption: "first", FirstSeen: t3, LastSeen: t3},
			{ID: "w1", Schema: model.CryptoWallet, Caption: "", FirstSeen: t1, LastSeen: t1},
			{ID: "w1", Schema: model.CryptoWallet, Caption: "USDT wallet", FirstSeen: t2, LastSeen: t2},
		}
		for _, e := range steps {
			if err := tx.PutEntity(ctx, e); err != nil {
				t.Fatalf("PutEntity: %v", err)
			}
		}
		err := tx.PutEntity(ctx, model.Entity{ID: "w1", Schema: model.BankAccount})
		if !errors.Is(err, ErrConflict) {
			t.Errorf("PutEntity under another schema = %v; want ErrConflict", err)
		}
		commit(t, tx)
		e, err := s.Entity(ctx, "w1")
		if err != nil {
			t.Fatal(err)
		}
		if e.Schema != model.CryptoWallet || e.Caption != "USDT wallet" || !e.FirstSeen.Equal(t1) || !e.LastSeen.Equal(t2) {
			t.Errorf("Entity(w1) = %+v; want CryptoWallet \"USDT wallet\" seen %v to %v", e, t1, t2)
		}
		if e.Statements != nil {
			t.Errorf("Entity(w1).Statements = %v; want none", e.Statements)
		}
	})
}

func TestAddRelationIdempotentAndConflict(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		putReport(t, tx, addFile(t, tx, "reports.csv"), "KR-1", `{}`)
		for _, id := range []model.EntityID{"victim", "mule", "other"} {
			if err := tx.PutEntity(ctx, model.Entity{ID: id, Schema: model.Person}); err != nil {
				t.Fatal(err)
			}
		}
		pay := model.Relation{ID: "pay-1", Schema: model.Payment, Source: "victim", Target: "mule",
			StartDate: "2025-08-03", Provenance: model.Provenance{RecordID: "KR-1"}}
		for range 2 {
			if err := tx.AddRelation(ctx, pay); err != nil {
				t.Fatalf("AddRelation: %v", err)
			}
		}
		changed := pay
		changed.Target = "other"
		if err := tx.AddRelation(ctx, changed); !errors.Is(err, ErrConflict) {
			t.Errorf("AddRelation with another target = %v; want ErrConflict", err)
		}
		if err := tx.AddRelation(ctx, model.Relation{ID: "victim", Schema: model.Payment, Source: "victim", Target: "mule",
			Provenance: model.Provenance{RecordID: "KR-1"}}); !errors.Is(err, ErrConflict) {
			t.Errorf("AddRelation reusing a Person's id = %v; want ErrConflict", err)
		}
	})
}

// Bad input never reaches the database, and the error says what is wrong.
func TestWritesValidate(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tx := begin(t, s)
		file := addFile(t, tx, "reports.csv")
		prov := model.Provenance{RecordID: "KR-1"}
		tests := []struct {
			name, want string
			write      func() error
		}{
			{"source file bad sha", "sha256", func() error {
				_, _, err := tx.AddSourceFile(ctx, model.SourceFile{FileName: "x", SHA256: "ABC", IngestedBy: "x"})
				return err
			}},
			{"source file no ingester", "ingested-by", func() error {
				_, _, err := tx.AddSourceFile(ctx, model.SourceFile{FileName: "x", SHA256: sha("x")})
				return err
			}},
			{"record bad type", "record type", func() error {
				_, err := tx.PutRecord(ctx, model.Record{ID: "a", Type: "complaint", SourceFileID: file, IngestedBy: "x", Body: []byte(`{}`)})
				return err
			}},
			{"record bad json", "JSON", func() error {
				_, err := tx.PutRecord(ctx, model.Record{ID: "a", Type: model.ReportRecord, SourceFileID: file, IngestedBy: "x", Body: []byte(`{`)})
				return err
			}},
			{"record wrong content hash", "does not match", func() error {
				_, err := tx.PutRecord(ctx, model.Record{ID: "a", Type: model.ReportRecord, SourceFileID: file, IngestedBy: "x",
					Body: []byte(`{}`), ContentSHA256: sha("other")})
				return err
			}},
			{"record no file", "source file", func() error {
				_, err := tx.PutRecord(ctx, model.Record{ID: "a", Type: model.ReportRecord, IngestedBy: "x", Body: []byte(`{}`)})
				return err
			}},
			{"entity bad schema", "schema", func() error {
				return tx.PutEntity(ctx, model.Entity{ID: "e", Schema: "Uses"})
			}},
			{"statement no record", "source", func() error {
				return tx.AddStatement(ctx, model.Statement{EntityID: "e", Property: model.PropName, Value: "x"})
			}},
			{"relation entity schema", "not a relation schema", func() error {
				return tx.AddRelation(ctx, model.Relation{ID: "r", Schema: model.Person, Source: "a", Target: "b", Provenance: prov})
			}},
			{"relation missing target", "needs a target", func() error {
				return tx.AddRelation(ctx, model.Relation{ID: "r", Schema: model.Ownership, Source: "a", Provenance: prov})
			}},
			{"sanction with target", "has no target", func() error {
				return tx.AddRelation(ctx, model.Relation{ID: "r", Schema: model.Sanction, Source: "a", Target: "b", Provenance: prov})
			}},
			{"relation bad date", "YYYY", func() error {
				return tx.AddRelation(ctx, model.Relation{ID: "r", Schema: model.Family, Source: "a", Target: "b",
					StartDate: "03/08/2025", Provenance: prov})
			}},
			{"invalid selector", "not a valid selector", func() error {
				_, err := tx.UpsertSelector(ctx, selector.Selector{Kind: selector.Phone, Input: "12", Reason: "too short"})
				return err
			}},
			{"mention bad offsets", "offsets", func() error {
				return tx.LinkRecordSelector(ctx, model.Mention{SelectorID: 1, Field: "f", Start: 5, End: 2, Provenance: prov})
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.write()
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %v; want one mentioning %q", err, tt.want)
				}
			})
		}
	})
}

func TestValidDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true}, {"2025", true}, {"2025-10", true}, {"2025-10-14", true},
		{"2025-13", false}, {"2025-02-30", false}, {"14/10/2025", false}, {"20251014", false}, {"2025-10-14T09:00", false},
	}
	for _, tt := range tests {
		if got := validDate(tt.in); got != tt.want {
			t.Errorf("validDate(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
