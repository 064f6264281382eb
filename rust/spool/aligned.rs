//! Memory and offsets aligned for direct I/O.
//!
//! With `O_DIRECT` the kernel moves bytes between the device and the caller's buffer with no page cache
//! in between, so the buffer's address, the file offset and the length must all be multiples of the
//! device's logical block size. [`ALIGN`] is 4096: the largest logical block size in common use (512 B
//! and 4 KiB disks, ext4's and XFS's 4 KiB blocks), so one constant fits every device.

use std::alloc::{self, Layout};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// Alignment of buffer addresses, file offsets and lengths in direct I/O.
pub const ALIGN: usize = 4096;

/// `n` rounded down to a multiple of [`ALIGN`].
pub fn align_down(n: u64) -> u64 {
    n & !(ALIGN as u64 - 1)
}

/// `n` rounded up to a multiple of [`ALIGN`].
pub fn align_up(n: usize) -> usize {
    n.div_ceil(ALIGN) * ALIGN
}

/// A zero-filled heap buffer whose address is a multiple of [`ALIGN`]. `Vec<u8>` guarantees only byte
/// alignment, and the global allocator hands out large blocks at an arbitrary 16-byte boundary.
///
/// It is allocated zeroed so every byte is initialised (safe to hand out as `&mut [u8]`); for the
/// megabyte sizes used here the allocator maps fresh zero pages, so untouched pages cost no memory.
pub struct AlignedBuf {
    ptr: NonNull<u8>,
    len: usize,
}

impl AlignedBuf {
    /// `len` zero bytes; `len` must be a non-zero multiple of [`ALIGN`] (every caller passes a constant).
    pub fn zeroed(len: usize) -> AlignedBuf {
        assert!(len > 0 && len % ALIGN == 0, "aligned buffer of {len} bytes");
        let layout = Self::layout(len);
        // SAFETY: `layout` has a non-zero size (asserted above).
        let raw = unsafe { alloc::alloc_zeroed(layout) };
        let Some(ptr) = NonNull::new(raw) else {
            alloc::handle_alloc_error(layout)
        };
        AlignedBuf { ptr, len }
    }

    fn layout(len: usize) -> Layout {
        Layout::from_size_align(len, ALIGN).expect("ALIGN is a power of two and len is small")
    }
}

impl Deref for AlignedBuf {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `ptr` points to `len` initialised bytes (allocated zeroed) owned by `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl DerefMut for AlignedBuf {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `deref`, and `&mut self` makes this the only reference.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for AlignedBuf {
    fn drop(&mut self) {
        // SAFETY: `ptr` was returned by `alloc_zeroed` with this same layout and is freed only here.
        unsafe { alloc::dealloc(self.ptr.as_ptr(), Self::layout(self.len)) }
    }
}

// SAFETY: `AlignedBuf` owns its allocation exclusively (like `Box<[u8]>`); moving it to another thread
// moves that ownership, and shared references only allow reads.
unsafe impl Send for AlignedBuf {}
// SAFETY: see `Send`: `&AlignedBuf` gives only `&[u8]`.
unsafe impl Sync for AlignedBuf {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_and_contents() {
        let mut buf = AlignedBuf::zeroed(3 * ALIGN);
        assert_eq!(buf.as_ptr() as usize % ALIGN, 0);
        assert_eq!(buf.len(), 3 * ALIGN);
        assert!(buf.iter().all(|&b| b == 0));
        buf[ALIGN] = 7;
        assert_eq!(buf[ALIGN], 7);
    }

    #[test]
    fn rounding() {
        assert_eq!(align_up(0), 0);
        assert_eq!(align_up(1), ALIGN);
        assert_eq!(align_up(ALIGN), ALIGN);
        assert_eq!(align_up(ALIGN + 1), 2 * ALIGN);
        assert_eq!(align_down(ALIGN as u64 - 1), 0);
        assert_eq!(align_down(5 * ALIGN as u64 + 3), 5 * ALIGN as u64);
    }
}
