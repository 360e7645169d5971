package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"clinicdesk/app/sar"
)

// SaveSARCopy writes a subject access copy's PDF and JSON beside their
// final names, then renames them into place; on any failure neither is
// left behind. produce makes the copy (SubjectAccess or ProduceSAR), so
// the request is recorded only if both files could be written.
func SaveSARCopy(pdfPath, jsPath string, produce func(pdf, js io.Writer) (sar.Request, error)) (sar.Request, error) {
	pdfTmp, err := os.CreateTemp(filepath.Dir(pdfPath), ".clinicdesk-sar-*.pdf.tmp")
	if err != nil {
		return sar.Request{}, fmt.Errorf("cannot write in %s: %w", filepath.Dir(pdfPath), err)
	}
	jsTmp, err := os.CreateTemp(filepath.Dir(jsPath), ".clinicdesk-sar-*.json.tmp")
	if err != nil {
		pdfTmp.Close()
		os.Remove(pdfTmp.Name())
		return sar.Request{}, fmt.Errorf("cannot write in %s: %w", filepath.Dir(jsPath), err)
	}
	cleanup := func() {
		pdfTmp.Close()
		jsTmp.Close()
		os.Remove(pdfTmp.Name())
		os.Remove(jsTmp.Name())
	}
	req, err := produce(pdfTmp, jsTmp)
	if err == nil {
		err = errors.Join(pdfTmp.Sync(), jsTmp.Sync())
	}
	if err == nil {
		err = errors.Join(pdfTmp.Close(), jsTmp.Close())
	}
	if err != nil {
		cleanup()
		return sar.Request{}, err
	}
	if err := os.Rename(pdfTmp.Name(), pdfPath); err != nil {
		cleanup()
		return sar.Request{}, fmt.Errorf("the PDF could not be saved as %s: %w", pdfPath, err)
	}
	if err := os.Rename(jsTmp.Name(), jsPath); err != nil {
		os.Remove(pdfPath)
		cleanup()
		return sar.Request{}, fmt.Errorf("the JSON copy could not be saved as %s: %w", jsPath, err)
	}
	return req, nil
}
