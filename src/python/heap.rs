//! The live heap, counted, so one program's runaway allocations become Python's `MemoryError`
//! rather than a dead tab.
//!
//! The per-object cap (`HostConfig::memory_limit`, 16 MiB) stops one huge string, but not a
//! loop that keeps appending 15 MB strings: wasm memory grows to 4 GiB and then traps, and a
//! trapped module leaves the page broken (later `RefCell already borrowed` panics). The one
//! binary (`main.rs`, page and CLI alike) installs [`Counting`] as its global allocator; the
//! interpreter compares [`live_bytes`] with `HostConfig::heap_budget` at every step and before
//! every large allocation. A program that never goes near the budget pays one relaxed load per
//! step. Test binaries that install their own allocator (the leak test) read zero: no budget.
//!
//! Why by hand: no crate offers a counting allocator that also builds for wasm32 without
//! pulling in threads or a second allocator; the whole of it is the four forwarding methods.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A global allocator that forwards to `A` and keeps the number of live bytes.
pub struct Counting<A>(pub A);

// SAFETY: every method forwards to the wrapped allocator with the caller's arguments unchanged;
// the counter is only bookkeeping.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            LIVE.fetch_add(new_size, Relaxed);
        }
        p
    }
}

/// Bytes allocated and not yet freed, by every part of the program (0 when [`Counting`] is not
/// the global allocator).
pub fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}
