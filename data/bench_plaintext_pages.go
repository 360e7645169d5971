package data

import (
	"crypto/aes"
	"crypto/cipher"
	"errors"
	"fmt"
	"io"
	"os"
)

// decryptPagesTo writes the plaintext of the clinic file at src to dst,
// page for page: each page decrypted where it lies, its IV and HMAC left
// as the unused space at its end that SQLite keeps for them, page 1 given
// SQLite's header back in place of the salt. So the copy has the clinic
// file's own layout (the same pages in the same order, as full, with the
// same free pages and the same usable size), and differs from it only in
// being unencrypted: the bench's encrypted_vs_plain compares the cipher
// and nothing else. (A copy made by inserting the rows again is packed
// tight and in order, which alone made its cold reads faster.) The write-
// ahead log must have been emptied into src first. SQLCipher 4's pages:
// AES-256-CBC under the raw data key over all but the 80 reserved bytes
// (page 1: after its 16-byte salt), the IV first in those bytes.
func decryptPagesTo(src, dst string, key DataKey) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%w: %s", ErrPlaintextCopyExists, dst)
		}
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return err
	}
	buf := make([]byte, 64*pageSize)
	for off := int64(0); ; {
		n, rerr := in.ReadAt(buf, off)
		if n%pageSize != 0 {
			return fmt.Errorf("%s is not a whole number of pages", src)
		}
		for i := 0; i < n; i += pageSize {
			pgno := (off+int64(i))/pageSize + 1
			p := buf[i : i+pageSize]
			if pgno == lockBytePage {
				clear(p)
				continue
			}
			start := 0
			if pgno == 1 {
				start = cipherSaltLen
			}
			end := pageSize - pageReserve
			cipher.NewCBCDecrypter(block, p[end:end+pageIVLen]).CryptBlocks(p[start:end], p[start:end])
			if pgno == 1 {
				copy(p, sqliteHeader)
			}
		}
		if _, err := out.Write(buf[:n]); err != nil {
			return err
		}
		off += int64(n)
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			return rerr
		}
	}
	return out.Sync()
}
