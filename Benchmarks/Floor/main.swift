// The floor of mentord's memory and start-up: a program that imports what mentord's process
// imports from outside this package and does nothing else. Benchmarks/engine.py starts it, reads
// its VmRSS as mentord's, and stops it: what mentord costs above this is ours to cut.
import ArgumentParser
import CSystemd
import Dispatch
import Foundation
import GRDB
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

// Waits for the signal that stops it, as an idle mentord waits for its next deadline.
while true { pause() }
