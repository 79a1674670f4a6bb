import sharp from 'sharp';
const f = process.argv[2];
const r = await sharp({ text: { text: 'Salt and Ledger Привет', font: process.argv[3], fontfile: f, width: 1000, rgba: true, dpi: 72 } }).png().toBuffer({resolveWithObject:true});
console.log(r.info.width, r.info.height);
await sharp(r.data).toFile('/tmp/meta-exp/o2.png');
