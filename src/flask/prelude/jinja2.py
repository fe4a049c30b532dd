# The playground's `jinja2`: the names a Flask app imports from Jinja2 3.1 (loaders and the
# exceptions). Templates are rendered by MiniJinja through the native bridge
# (src/flask/templates.rs); what lives here is Jinja2's public surface, written from its
# documented behaviour: the loaders say which templates exist, the exceptions carry Jinja2's
# attributes and messages.
from markupsafe import Markup, escape


class TemplateError(Exception):
    # Jinja2 defines its exceptions in jinja2.exceptions; a traceback names them so.
    __module__ = "jinja2.exceptions"

    def __init__(self, message=None):
        super().__init__(message)

    @property
    def message(self):
        return self.args[0] if self.args else None


class TemplateNotFound(OSError, LookupError, TemplateError):
    __module__ = "jinja2.exceptions"

    def __init__(self, name, message=None):
        OSError.__init__(self, name)
        if message is None:
            message = name
        self._message = message
        self.name = name
        self.templates = [name]

    @property
    def message(self):
        return self._message

    def __str__(self):
        return str(self._message)


class TemplatesNotFound(TemplateNotFound):
    __module__ = "jinja2.exceptions"

    def __init__(self, names=(), message=None):
        if message is None:
            message = "none of the templates given were found: " + ", ".join(map(str, names))
        super().__init__(names[-1] if names else None, message)
        self.templates = list(names)


class TemplateSyntaxError(TemplateError):
    __module__ = "jinja2.exceptions"

    # Where the template broke: its line, its name and file (None for a template string).
    def __init__(self, message, lineno, name=None, filename=None):
        super().__init__(message)
        self.source = None
        self.name, self.filename, self.lineno = name, filename, lineno


class TemplateAssertionError(TemplateSyntaxError):
    __module__ = "jinja2.exceptions"

    def __init__(self, message, lineno=None, name=None, filename=None):
        super().__init__(message, lineno, name, filename)


class TemplateRuntimeError(TemplateError):
    __module__ = "jinja2.exceptions"

    pass


class UndefinedError(TemplateRuntimeError):
    __module__ = "jinja2.exceptions"

    pass


class BaseLoader:
    def _templates(self):
        return {}

    def list_templates(self):
        return sorted(self._templates())


class DictLoader(BaseLoader):
    def __init__(self, mapping):
        self.mapping = mapping

    def _templates(self):
        return dict(self.mapping)


class FileSystemLoader(BaseLoader):
    def __init__(self, searchpath, encoding="utf-8", followlinks=False):
        if isinstance(searchpath, str):
            searchpath = [searchpath]
        self.searchpath = list(searchpath)

    def _templates(self):
        from _flask_native import _project_templates
        found = {}
        for folder in self.searchpath:
            for name, text in _project_templates(folder).items():
                found.setdefault(name, text)
        return found


class ChoiceLoader(BaseLoader):
    def __init__(self, loaders):
        self.loaders = loaders

    def _templates(self):
        found = {}
        for loader in self.loaders:
            for name, text in loader._templates().items():
                found.setdefault(name, text)
        return found


class PrefixLoader(BaseLoader):
    def __init__(self, mapping, delimiter="/"):
        self.mapping = mapping
        self.delimiter = delimiter

    def _templates(self):
        found = {}
        for prefix, loader in self.mapping.items():
            for name, text in loader._templates().items():
                found[prefix + self.delimiter + name] = text
        return found


def pass_context(f):
    f.jinja_pass_arg = "context"
    return f


def pass_eval_context(f):
    f.jinja_pass_arg = "eval_context"
    return f


def pass_environment(f):
    f.jinja_pass_arg = "environment"
    return f
