import textwrap

options = {
    "--secret-key": "The key Flask uses to sign the session cookie; keep it out of the repository.",
    "--lifetime": "How long a permanent session lasts, in seconds.",
    "-v": "Verbose.",
}
for name, help_text in options.items():
    lines = textwrap.wrap(help_text, 40)
    print(f"  {name:<14}{lines[0]}")
    for rest in lines[1:]:
        print(" " * 16 + rest)
