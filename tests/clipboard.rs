//! The exact bytes `y` writes: an OSC 52 sequence with the citation in
//! base64, so no character of it can act on the terminal.

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn copy_writes_osc_52_with_the_citation() {
    let d = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let q = d.quote("li-exclusive-game").unwrap();
    let citation = d.citation(q);
    let mut out = Vec::new();
    stances::tui::write_clipboard(&mut out, &citation).unwrap();
    let expected = format!("\u{1b}]52;c;{}\u{1b}\\", base64(citation.as_bytes()));
    assert_eq!(String::from_utf8(out).unwrap(), expected);
    assert_eq!(base64(b"hi"), "aGk=");
}
