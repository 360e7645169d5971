//go:build !linux || !cgo

package main

func fewMallocArenas() {}

func trimMalloc() {}
