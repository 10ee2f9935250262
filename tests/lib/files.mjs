/*
 * Small files made on the fly for upload tests: a valid PNG of any size
 * (zlib from node, CRCs computed here) and a minimal JPEG header.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++)
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

export function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf)
		c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}

/*
 * A valid RGBA PNG of width × height; pixel(x, y) returns [r, g, b, a]
 * (default: a diagonal two-colour pattern).
 */
export function makePng(width = 4, height = 4, pixel = (x, y) => ((x + y) % 2 ? [11, 95, 138, 255] : [255, 255, 255, 255])) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;	/* bit depth */
	ihdr[9] = 6;	/* RGBA */
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 4 + 1);
		raw[row] = 0;	/* filter: none */
		for (let x = 0; x < width; x++)
			Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
	]);
}

/* A PNG of about `bytes` bytes (noise does not compress). */
export function bigPng(bytes) {
	const side = Math.ceil(Math.sqrt(bytes / 4));
	const noise = randomBytes(side * side * 4);
	return makePng(side, side, (x, y) => {
		const i = (y * side + x) * 4;
		return [noise[i], noise[i + 1], noise[i + 2], noise[i + 3]];
	});
}
