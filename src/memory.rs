//! Handing freed memory back to the system.
//!
//! glibc's allocator keeps freed memory in per-thread arenas for reuse,
//! and reuses it only for the threads of that arena. Checking 100,000
//! quotes leaves about 10 MB of such garbage (parse trees, token buffers)
//! that the rest of the session would never reuse, and each reload of a
//! big dataset left more: the explorer grew from 125 to 295 MB over eight
//! saves. Trimming after a load gives it back.

/// Release the allocator's free memory to the system. Costs a few
/// milliseconds at most; call it after big loads, not per frame.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the kernel; glibc
    // allows it at any time, from any thread, and it touches no live
    // allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}
