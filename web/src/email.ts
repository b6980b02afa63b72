// The e-mail address an account gives for the copies of its notifications: what the form checks
// before sending (the server checks it again and has the last word, identity::is_email_address).

/** Why `value` cannot be sent as an address; null when it may ("" removes the address). */
export function emailProblem(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  if (v.length > 254) return "Alamat e-mail paling banyak 254 karakter.";
  if (/[\s"<>(),;:\\[\]]/.test(v))
    return 'Alamat e-mail tidak boleh berisi spasi atau tanda baca <>(),;:".';
  const at = v.indexOf("@");
  if (at <= 0 || at !== v.lastIndexOf("@")) return "Alamat e-mail berbentuk nama@instansi.go.id.";
  const domain = v.slice(at + 1);
  if (
    !domain.includes(".") ||
    domain.startsWith(".") ||
    domain.endsWith(".") ||
    domain.includes("..")
  )
    return "Bagian setelah @ harus nama domain, misalnya bkpsdm.kupangkota.go.id.";
  return null;
}

/** How an account's address is shown in a list. */
export function emailLabel(email: string | undefined): string {
  return email ? email : "—";
}

/** What the address form says the address is for, as the server sends e-mail or not. */
export function emailDeliveryHint(delivery: boolean): string {
  return delivery
    ? "Pemberitahuan di kotak masuk juga dikirim ke alamat ini."
    : "Layanan ini belum mengirim e-mail: alamat disimpan, dan pemberitahuan dikirim ke sana " +
        "begitu pengiriman e-mail diaktifkan oleh pengelola layanan.";
}
