//! Float64 NumPy arrays from the engine's numbers, made with NumPy's array type and
//! dtype looked up once (the numpy crate looks both up for every array; a curve of four
//! α makes 26). Up to 256 numbers are copied into an array owning its data; longer
//! vectors are handed over without a copy, the array's base a capsule holding the
//! vector (not a tracked object: the garbage collector has nothing more to visit). A
//! contest call's vectors — every outcome's, whatever their length — are all handed over
//! with one capsule as their base ([`SharedArrays`]).

use std::ptr::null_mut;

use numpy::npyffi::{self, npy_intp, NPY_ARRAY_WRITEABLE, PY_ARRAY_API};
use numpy::{PyArray1, PyArrayDescr, PyArrayMethods};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyCapsule;

/// NumPy's array type (its address) and float64 dtype.
type F64Arrays = (usize, Py<PyArrayDescr>);

static F64_ARRAYS: PyOnceLock<F64Arrays> = PyOnceLock::new();

fn f64_arrays(py: Python<'_>) -> &'static F64Arrays {
    F64_ARRAYS.get_or_init(py, || {
        // SAFETY: the NumPy C API is loaded (`numpy_ready`, at import).
        let ty = unsafe { npyffi::get_type_object(py, npyffi::NpyTypes::PyArray_Type) };
        (ty as usize, numpy::dtype::<f64>(py).unbind())
    })
}

/// A new 1-D float64 array of `len` elements: its data `data` (kept alive by the caller's
/// base) or, if null, allocated by NumPy.
///
/// # Safety
/// `data`, if not null, points to `len` f64s that outlive the array.
#[inline]
unsafe fn new_array<'py>(
    py: Python<'py>,
    types: &F64Arrays,
    len: usize,
    data: *mut f64,
) -> PyResult<Bound<'py, PyAny>> {
    let (ty, descr) = types;
    let mut dims = [len as npy_intp];
    let flags = if data.is_null() { 0 } else { NPY_ARRAY_WRITEABLE };
    // SAFETY: NewFromDescr takes the dtype reference given to it (a new one) and returns
    // a new C-contiguous array of the given type and length, or null with an exception.
    unsafe {
        ffi::Py_IncRef(descr.as_ptr());
        let (ty, d, dims, data) = (*ty as *mut _, descr.as_ptr().cast(), dims.as_mut_ptr(), data.cast());
        let ptr = PY_ARRAY_API.PyArray_NewFromDescr(py, ty, d, 1, dims, null_mut(), data, flags, null_mut());
        Bound::from_owned_ptr_or_err(py, ptr)
    }
}

/// A new 1-D float64 array of the `len` f64s at `data`, `base` (a new reference, taken
/// also on failure) keeping them alive.
///
/// # Safety
/// `data` points to `len` f64s that live as long as `base`.
#[inline]
unsafe fn array_on<'py>(
    py: Python<'py>,
    types: &F64Arrays,
    len: usize,
    data: *mut f64,
    base: *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: as the caller promises; SetBaseObject takes `base`'s reference, also when
    // it fails.
    unsafe {
        let a = match new_array(py, types, len, data) {
            Ok(a) => a,
            Err(e) => {
                ffi::Py_DecRef(base);
                return Err(e);
            }
        };
        if PY_ARRAY_API.PyArray_SetBaseObject(py, a.as_ptr().cast(), base) < 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(a)
    }
}

/// A float64 NumPy array of `xs`: a copy owning its data, as `PyArray1::from_slice`.
pub fn array<'py>(py: Python<'py>, xs: &[f64]) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: NumPy allocates the data, of `xs.len()` f64s, written before any read.
    unsafe {
        let a = new_array(py, f64_arrays(py), xs.len(), null_mut())?;
        let a = a.cast_into_unchecked::<PyArray1<f64>>();
        std::ptr::copy_nonoverlapping(xs.as_ptr(), a.data(), xs.len());
        Ok(a.into_any())
    }
}

/// A float64 NumPy array of `xs`: up to 256 numbers copied, longer ones handed over.
pub fn array_from(py: Python<'_>, mut xs: Vec<f64>) -> PyResult<Bound<'_, PyAny>> {
    if xs.len() <= 256 {
        return array(py, &xs);
    }
    let (len, data) = (xs.len(), xs.as_mut_ptr());
    // The vector's buffer stays where it is when the vector moves into the capsule.
    let owner = PyCapsule::new_with_value(py, xs, c"et_engine.array")?;
    // SAFETY: the data lives as long as the capsule, which becomes the array's base.
    unsafe { array_on(py, f64_arrays(py), len, data, owner.into_ptr()) }
}

/// Float64 NumPy arrays of vectors handed over without a copy, sharing one base: a
/// capsule holding all the vectors. One object and no data allocation for a whole
/// result's arrays (a contest outcome's 4 to 10, a curve's 26 for four α), where an
/// array owning its data costs NumPy a look-up of its memory handler and an allocation
/// (and the engine's vector a free); the base is a capsule, as for `array_from`'s long
/// vectors.
pub struct SharedArrays<'py> {
    owner: Bound<'py, PyCapsule>,
    types: &'static F64Arrays,
    /// The capsule's vectors (their buffers, which do not move, become the arrays' data).
    vs: *mut Vec<f64>,
    len: usize,
    /// The next vector to make an array of (each one once).
    next: usize,
}

impl<'py> SharedArrays<'py> {
    pub fn new(py: Python<'py>, mut vs: Vec<Vec<f64>>) -> PyResult<Self> {
        // The vectors stay where they are when their vector moves into the capsule.
        let (ptr, len) = (vs.as_mut_ptr(), vs.len());
        let owner = PyCapsule::new_with_value(py, vs, c"et_engine.arrays")?;
        Ok(SharedArrays {
            owner,
            types: f64_arrays(py),
            vs: ptr,
            len,
            next: 0,
        })
    }

    /// The array of the next vector, in their order (an empty one is copied: it has no
    /// buffer to share).
    pub fn next_array(&mut self) -> PyResult<Bound<'py, PyAny>> {
        assert!(self.next < self.len, "SharedArrays: more arrays than vectors");
        let py = self.owner.py();
        // SAFETY: the vector is alive in the capsule (held here), and no other reference
        // to it exists (each vector is visited once, and nothing else reads the
        // capsule); its data lives as long as the capsule, the array's base (a new
        // reference to it given).
        unsafe {
            let v = &mut *self.vs.add(self.next);
            self.next += 1;
            if v.is_empty() {
                return array(py, &[]);
            }
            let base = self.owner.as_ptr();
            ffi::Py_IncRef(base);
            array_on(py, self.types, v.len(), v.as_mut_ptr(), base)
        }
    }
}
