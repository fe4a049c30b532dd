import html

comments = ["Nice post!", "<script>alert('x')</script>", 'He said "hi" & left', "5 > 3"]
for c in comments:
    print(f"<li>{html.escape(c)}</li>")
print(html.escape("'quoted'", quote=False))
print(html.unescape("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot; &#39;s&#39; &eacute; &#x41;"))
