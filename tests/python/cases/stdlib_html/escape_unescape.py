# html.escape for user text in a page, and html.unescape to read it back.
import html

comment = '<script>alert("hi")</script> & \'quotes\''
safe = html.escape(comment)
print(safe)
print(html.escape(comment, quote=False))
print(html.unescape(safe) == comment)
print(html.unescape("&lt;b&gt;bold&lt;/b&gt; &amp;amp; &copy; 2024 &eacute;t&eacute;"))
print(html.unescape("&#65;&#x42;&#X43; &#128; &#0; &#x110000; &#xD800;x"))
print(html.unescape("&amp &ampx &notit; &noti &bogus; & alone &#; &#x;"))
print(html.unescape("no entities"), html.escape(""))
