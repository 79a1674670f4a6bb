import { renderChapter, renderInline } from './src/loaders/markdown';
const r = await renderChapter(`Para one "hi"
----
Next <em onclick="x" title="t">em</em> text <script>alert(1)</script> and <center>c</center>

<div onmouseover="x">div</div>

<script>
alert(3)
</script>

<style>p{}</style>

~~~
after tilde
~~~

#

§

[a](javascript:alert(1)) <iframe src="x"></iframe> <svg onload="alert(1)"><circle/></svg>

## Héllo *World*!
`);
console.log(r);
console.log(await renderInline('The *Ink* </title><script>x</script>'));
console.log(await renderInline('1. Start'));
