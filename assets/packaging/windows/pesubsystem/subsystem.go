package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// PE subsystem values (winnt.h).
const (
	subsystemGUI     = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI
	subsystemConsole = 3 // IMAGE_SUBSYSTEM_WINDOWS_CUI
)

// Offsets from the PE/COFF specification.
const (
	peHeaderPointer   = 0x3c // in the MS-DOS header: where "PE\0\0" is
	coffHeaderSize    = 20
	subsystemOffset   = 68 // in the optional header, the same for PE32 and PE32+
	optionalMagicPE32 = 0x10b
	optionalMagicPE64 = 0x20b
)

// subsystemAt finds the subsystem field of a PE image and checks the image
// is one this tool understands.
func subsystemAt(exe []byte) (int, error) {
	if len(exe) < peHeaderPointer+4 || exe[0] != 'M' || exe[1] != 'Z' {
		return 0, errors.New("not a Windows program (no MZ header)")
	}
	pe := int(binary.LittleEndian.Uint32(exe[peHeaderPointer:]))
	optional := pe + 4 + coffHeaderSize
	if pe < 0 || optional+subsystemOffset+2 > len(exe) || string(exe[pe:pe+4]) != "PE\x00\x00" {
		return 0, errors.New("not a Windows program (no PE header)")
	}
	switch magic := binary.LittleEndian.Uint16(exe[optional:]); magic {
	case optionalMagicPE32, optionalMagicPE64:
	default:
		return 0, fmt.Errorf("unknown optional-header magic %#x", magic)
	}
	return optional + subsystemOffset, nil
}

// setSubsystem rewrites the subsystem of a GUI or console program. The PE
// checksum is left as it is: Windows checks it only for drivers, and
// signing (osslsigncode) comes after this step and covers the new bytes.
func setSubsystem(exe []byte, subsystem uint16) error {
	at, err := subsystemAt(exe)
	if err != nil {
		return err
	}
	switch now := binary.LittleEndian.Uint16(exe[at:]); now {
	case subsystemGUI, subsystemConsole:
	default:
		return fmt.Errorf("subsystem %d is neither a window nor a console program", now)
	}
	binary.LittleEndian.PutUint16(exe[at:], subsystem)
	return nil
}
