//! `open()` for the learner's app: reads the project's files ([`crate::flask::project`])
//! relative to the app's folder, as the real `open()` reads a project folder on disk. The file
//! object is the prelude's `_ProjectFile` (read, readline(s), iteration, `with`); this module
//! owns only the look-up and CPython's errors for it.
//!
//! The project is read-only for the app: a write mode raises `OSError` saying so (a real app
//! could write to its folder; the playground's files change only in the editor).

use std::rc::Rc;

use crate::flask::context::Shared;
use crate::python::{Args, Interp, PyResult, Value, builtin, builtin_holding, make_module};

/// Replaces the interpreter's `open` with one reading `shared`'s project files, building the
/// file object from the prelude class `file_class`.
pub fn install(interp: &mut Interp, shared: Rc<Shared>, file_class: Value) {
    let class = file_class.clone();
    let for_open = shared.clone();
    let open = builtin_holding("open", vec![file_class], move |it, args| {
        open(it, &for_open, &class, args)
    });
    interp.builtins.borrow_mut().set_str("open", open);
    // What `os.path.exists`, `isfile` and `isdir` ask: "file", "dir" or None for an absolute,
    // normalised path (see `os_path.py`).
    let factory: crate::python::ModuleFactory = Rc::new(move |_| {
        let shared = shared.clone();
        let kind = builtin("kind", move |_, args| {
            let Some(Value::Str(path)) = args.pos.first() else {
                return Ok(Value::None);
            };
            let root = crate::flask::project::APP_ROOT;
            let files = shared.files.borrow();
            Ok(match path.strip_prefix(root) {
                _ if **path == root[..root.len() - 1] => Value::str("dir"),
                // `app.py` is the code in the editor, kept apart from the other files.
                Some(inside) if inside == "app.py" || files.get(inside).is_some() => {
                    Value::str("file")
                }
                Some(inside) if files.is_dir(inside.trim_end_matches('/')) => Value::str("dir"),
                _ => Value::None,
            })
        });
        Ok(make_module("_project_files", vec![("kind", kind)]))
    });
    interp.register_module("_project_files", factory);
}

fn open(it: &mut Interp, shared: &Shared, class: &Value, args: Args) -> PyResult<Value> {
    let find = |name: &str, at: usize| {
        args.pos.get(at).cloned().or_else(|| {
            args.kw
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    };
    let Some(file) = find("file", 0) else {
        return Err(it.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode = match &find("mode", 1) {
        Some(Value::Str(m)) => m.to_string(),
        Some(other) => {
            return Err(it.type_error(format!(
                "open() argument 'mode' must be str, not {}",
                other.type_name()
            )));
        }
        None => "r".to_string(),
    };
    let Value::Str(name) = &file else {
        return Err(it.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.type_name()
        )));
    };
    let shown = it.repr(&file)?;
    if mode.contains(['w', 'a', 'x', '+']) {
        return Err(it.err(
            "OSError",
            format!(
                "[Errno 30] Read-only file system: {shown} (the playground's project files \
                 change in the editor, not from the app)"
            ),
        ));
    }
    let files = shared.files.borrow().clone();
    let path = name
        .strip_prefix(crate::flask::project::APP_ROOT)
        .unwrap_or(name);
    match files.get(path) {
        Some(text) => {
            let text = Value::str(text);
            it.call(
                class,
                Args::positional(vec![file.clone(), Value::str(&mode), text]),
            )
        }
        None if files.is_dir(path) => Err(it.err(
            "IsADirectoryError",
            format!("[Errno 21] Is a directory: {shown}"),
        )),
        None => Err(it.err(
            "FileNotFoundError",
            format!("[Errno 2] No such file or directory: {shown}"),
        )),
    }
}
