//! What Flask's `Config` needs from the host to fill `app.config`: importing a module by its
//! dotted name (`from_object("app.Settings")`, Werkzeug's `import_string`) and running a
//! project `.py` file as a module of its own (`from_pyfile("instance/config.py")`). The
//! `Config` class itself is Python (`prelude/flask.py`); the interpreter has no `__import__`
//! or `exec` builtins, so these two steps are natives.

use std::rc::Rc;

use crate::flask::context::Shared;
use crate::python::{Value, builtin};

/// `_import_module(name)`: the module `name`, imported as `import name` would (the app's own
/// module is `app`); `ModuleNotFoundError` when there is none.
pub fn import_module_builtin() -> Value {
    builtin("_import_module", |it, args| {
        let name = match args.pos.first() {
            Some(v) => it.to_str(v)?,
            None => return Err(it.type_error("_import_module() needs a module name")),
        };
        it.import_module(&name)
    })
}

/// `_run_project_file(path)`: the project file at `path` (under the app's folder) run as a
/// fresh module whose upper-case names `Config.from_object` then takes. The module is not
/// left importable, as a `types.ModuleType` made by `from_pyfile` is not.
pub fn run_project_file_builtin(shared: Rc<Shared>) -> Value {
    builtin("_run_project_file", move |it, args| {
        let path = match args.pos.first() {
            Some(v) => it.to_str(v)?,
            None => return Err(it.type_error("_run_project_file() needs a path")),
        };
        let relative = path
            .strip_prefix(crate::flask::project::APP_ROOT)
            .unwrap_or(&path);
        let Some(source) = shared.files.borrow().get(relative).map(str::to_string) else {
            let shown = it.repr(&Value::str(&path))?;
            return Err(it.err(
                "FileNotFoundError",
                format!("[Errno 2] No such file or directory: {shown}"),
            ));
        };
        let module_name = "config";
        let previous = it.modules.remove(module_name);
        let result = it.load_source_module(module_name, &path, &source);
        it.modules.remove(module_name);
        if let Some(previous) = previous {
            it.modules.insert(module_name.to_string(), previous);
        }
        result
    })
}
