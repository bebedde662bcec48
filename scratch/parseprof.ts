import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
const bodies: string[] = readFileSync('/tmp/bodies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((b: string) => b.length < 100000);
const parser2 = new XMLParser({ jPath: false, preserveOrder: true, processEntities: false, htmlEntities: false, trimValues: false, parseTagValue: false, ignoreAttributes: true, removeNSPrefix: true, cdataPropName: '#cdata', ignoreDeclaration: true, ignorePiTags: true } as never);
for (let r = 0; r < 5; r++) for (const b of bodies) { try { parser2.parse(b); } catch {} }
