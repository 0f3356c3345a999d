"""Every write of an app's rows goes through that app's services (issue 14).

The test reads the code (ast, nothing runs) and lists each place where a module of one app writes
a model of another app directly. It finds:

- a write on another app's manager or a queryset from it, `Person.objects.create(...)`,
  `Membership.objects.filter(...).delete()`: create, bulk_create, get_or_create,
  update_or_create, update, bulk_update, delete;
- building another app's row, `Membership(person=p, role=r)` (only to save it, in practice);
- `.save()`, `.delete()`, `.update()` ... on a name bound in the same function to another app's
  row or queryset (`person = Person.objects.select_for_update().get(...)`, `for x in
  Callback.objects.filter(...)`).

It cannot see a row that arrives as an argument or through a relation (`person.save()` where
`person` is a parameter); those are found by review, and the name of such a variable is checked
too: `person.save()` in a module that imports Person counts as a write of Person.

Privacy's erasure and retention purge empty the rows every app registers with them
(privacy_topics.py, the retention rules) through `_default_manager`: across apps by design, and
not seen here. Models are the classes in naober/<app>/models.py. Demo seeding (`demo.py`,
`seed_demo`) builds a whole fake town in one go without the notices the services send, and runs
only with DEBUG: it is left out. Everything else that writes across apps is in ALLOWED, with
the reason.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "naober"
WRITES = frozenset(
    {
        "create",
        "bulk_create",
        "get_or_create",
        "update_or_create",
        "update",
        "bulk_update",
        "delete",
        "save",
    }
)
SKIPPED = ("migrations", "management/commands/seed_demo.py")

# (module, model): why this module writes another app's rows itself.
ALLOWED: dict[tuple[str, str], str] = {
    ("naober/privacy/erasure.py", "Person"): (
        "erasure anonymises the person as the last step of erasing everything about them; it "
        "works across every app by design (each app registers its topics in privacy_topics.py)"
    ),
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _models(root: Path) -> dict[str, str]:
    """Model class name -> app, from naober/<app>/models.py (choices and helpers left out)."""
    owner: dict[str, str] = {}
    for path in sorted(root.glob("*/models.py")):
        tree = ast.parse(path.read_text())
        classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        found = True
        while found:  # a model may subclass another model of the same file
            found = False
            for node in classes:
                if node.name in owner:
                    continue
                for base in node.bases:
                    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                    if name == "Model" or name in owner:
                        owner[node.name] = path.parent.name
                        found = True
                        break
    return owner


def _root(node: ast.AST) -> tuple[str | None, list[str]]:
    """The name a call chain starts from and the attributes on the way: `A.objects.filter().x`
    gives ("A", ["x", "filter", "objects"])."""
    chain = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            chain.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            break
    return (node.id if isinstance(node, ast.Name) else None), chain


def _foreign_imports(tree: ast.Module, app: str, owner: dict[str, str]) -> dict[str, str]:
    """Local name -> model name for every model of another app this module imports."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("naober."):
            source = node.module.split(".")
            if len(source) == 3 and source[2] == "models" and source[1] != app:
                for alias in node.names:
                    if owner.get(alias.name) == source[1]:
                        names[alias.asname or alias.name] = alias.name
    return names


def _scopes(tree: ast.Module):
    yield tree
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _bound(scope, foreign: dict[str, str]) -> dict[str, str]:
    """Names bound in `scope` to another app's row or queryset, and the model."""
    bound = {}
    for node in ast.walk(scope):
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
            targets, value = [node.target], node.value
        elif isinstance(node, ast.For | ast.AsyncFor):
            targets, value = [node.target], node.iter
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            targets, value = [node.optional_vars], node.context_expr
        if value is None:
            continue
        name, _chain = _root(value)
        if name in foreign:
            for target in targets:
                if isinstance(target, ast.Name):
                    bound[target.id] = foreign[name]
    return bound


def cross_app_writes(root: Path = ROOT) -> list[tuple[str, int, str, str]]:
    """(module, line, model, what) for every direct write of another app's model."""
    owner = _models(root)
    found = set()
    for path in sorted(root.rglob("*.py")):
        module = str(path.relative_to(root.parent))
        if any(part in module for part in SKIPPED) or path.name == "demo.py":
            continue
        app = path.relative_to(root).parts[0]
        tree = ast.parse(path.read_text())
        foreign = _foreign_imports(tree, app, owner)
        if not foreign:
            continue
        by_name = {_snake(model): model for model in foreign.values()}
        for scope in _scopes(tree):
            bound = _bound(scope, foreign)
            for node in ast.walk(scope):
                if not isinstance(node, ast.Call):
                    continue
                if isinstance(node.func, ast.Name) and node.func.id in foreign:
                    found.add((module, node.lineno, foreign[node.func.id], "builds a row"))
                    continue
                if not isinstance(node.func, ast.Attribute) or node.func.attr not in WRITES:
                    continue
                name, chain = _root(node.func.value)
                model = None
                if name in foreign and "objects" in chain:
                    model = foreign[name]
                elif name in bound:
                    model = bound[name]
                elif node.func.attr in ("save", "delete"):
                    target = node.func.value
                    last = target.attr if isinstance(target, ast.Attribute) else name
                    model = by_name.get(last)
                if model is not None:
                    found.add((module, node.lineno, model, node.func.attr))
    return sorted(found)


def test_no_app_writes_another_apps_rows():
    writes = [w for w in cross_app_writes() if (w[0], w[2]) not in ALLOWED]
    assert not writes, "write these through the owning app's services:\n" + "\n".join(
        f"{module}:{line}: {what} {model}" for module, line, model, what in writes
    )


def test_every_allowed_write_still_exists():
    """An entry whose write has gone is taken out, so the list stays the truth."""
    seen = {(module, model) for module, _line, model, _what in cross_app_writes()}
    assert not set(ALLOWED) - seen, sorted(set(ALLOWED) - seen)


def test_the_check_sees_each_kind_of_write(tmp_path):
    """The checker itself: each form of write in a made-up module is found, own rows are not."""
    app = tmp_path / "naober" / "someapp"
    app.mkdir(parents=True)
    (app / "models.py").write_text(
        "from django.db import models\nclass Thing(models.Model):\n    pass\n"
    )
    (tmp_path / "naober" / "people").mkdir()
    (tmp_path / "naober" / "people" / "models.py").write_text(
        "from django.db import models\n"
        "class Person(models.Model):\n    pass\n"
        "class Gender(models.TextChoices):\n    X = 'x'\n"
    )
    (app / "services.py").write_text(
        "from naober.people.models import Gender, Person\n"
        "from naober.someapp.models import Thing\n"
        "def a():\n    Person.objects.create(name='x')\n"
        "def b():\n    Person.objects.filter(pk=1).update(name='x')\n"
        "def c():\n    p = Person.objects.select_for_update().get(pk=1)\n    p.save()\n"
        "def d(person):\n    person.save()\n"
        "def e():\n    for q in Person.objects.all():\n        q.delete()\n"
        "def f():\n    return Person(name='x'), Gender('x')\n"
        "def own():\n    Thing.objects.create()\n    t = Thing()\n    t.save()\n"
    )
    lines = sorted(line for _module, line, _model, _what in cross_app_writes(tmp_path / "naober"))
    assert lines == [4, 6, 9, 11, 14, 16]
