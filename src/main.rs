use jobfit::text::is_word_byte as w;
#[inline(always)]
fn masks(block: &[u8; 64]) -> (u64, u64) {
    let mut wm = 0u64; let mut sm = 0u64;
    for k in 0..64 { let b = block[k]; let lw = b | 0x20; let isw = (lw.wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10) | (b == b'_') | (b >= 0x80); wm |= (isw as u64) << k; sm |= ((b == b' ') as u64) << k; }
    (wm, sm)
}
fn key(t: &[u8], i: usize, len: usize) -> usize {
    let x = if i + 8 <= t.len() { let v = u64::from_le_bytes(t[i..i+8].try_into().unwrap()); if len >= 8 { v } else { v & ((1u64 << (8 * len)) - 1) } } else { let mut x = 0u64; for k in 0..len.min(8) { x |= (t[i + k] as u64) << (8 * k); } x };
    let h = (x ^ (len as u64).wrapping_mul(0x9E37_79B9)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - 18)) as usize
}
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let src = jobfit::rules::RuleSources { no_builtin: true, dirs: vec![args[1].clone().into()] };
    let defs = jobfit::rules::load_defs(&src).unwrap();
    let pats: Vec<String> = { let mut v: Vec<String> = defs.iter().flat_map(|d| d.aliases.iter().map(|a| jobfit::text::Folded::new(&a.value).as_str().trim().to_owned())).collect(); v.sort(); v.dedup(); v };
    let dict = jobfit::rules::dict::Dict::new(&pats);
    let mut filter = vec![0u64; (1 << 18) / 64];
    let mut punct = [false; 256];
    for p in &pats { let b = p.as_bytes(); if !w(b[0]) { punct[b[0] as usize] = true; continue; } let l = b.iter().take_while(|&&c| w(c)).count(); let k = key(b, 0, l); filter[k / 64] |= 1 << (k % 64); }
    let data = std::fs::read_to_string(&args[2]).unwrap();
    let mut texts = Vec::new();
    for line in data.lines() { let v: serde_json::Value = serde_json::from_str(line).unwrap(); texts.push(jobfit::text::Folded::new(v["text"].as_str().unwrap()).as_str().to_owned()); }
    let total: usize = texts.iter().map(|t| t.len()).sum();
    for _ in 0..1 {
        let t0 = std::time::Instant::now(); let mut c = 0usize; let mut m = 0usize; let mut walks = 0usize;
        for t in &texts { let t = t.as_bytes(); let n = t.len(); let mut pos = 0; let mut resume = 0;
            let mut prev_w = 0u64;
            while pos < n {
                let mut buf = [b' '; 64];
                let end = (pos + 64).min(n);
                buf[..end - pos].copy_from_slice(&t[pos..end]);
                let (wm, sm) = masks(&buf);
                let starts_w = wm & !((wm << 1) | prev_w);
                prev_w = wm >> 63;
                let mut starts = starts_w | (!wm & !sm);
                while starts != 0 {
                    let k = starts.trailing_zeros() as usize; starts &= starts - 1;
                    let i = pos + k; if i < resume || i >= n { continue; }
                    c += 1;
                    let b = t[i];
                    let pass = if w(b) { let rest = !wm >> k; let mut len = rest.trailing_zeros() as usize; if k + len >= 64 { len = t[i..].iter().take_while(|&&c| w(c)).count(); } let kk = key(t, i, len); filter[kk / 64] & (1 << (kk % 64)) != 0 } else { punct[b as usize] };
                    if !pass { continue; }
                    walks += 1;
                    let mut best = 0; dict.walk(t, i, |_, e| { if e >= n || !w(t[e-1]) || !w(t[e]) { best = e; } });
                    if best > 0 { m += 1; resume = best; }
                }
                pos += 64;
            }
        }
        let d = t0.elapsed(); eprintln!("masked: {c} starts {walks} walks {m} matches: {:.1} MB/s", total as f64 / d.as_secs_f64() / 1e6);
    }
}
