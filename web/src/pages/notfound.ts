import { h, replace } from "../dom";
import { paths } from "../router";
import { link, pageHeading } from "../ui";
import type { PageContext } from "./context";

export async function notFoundPage(ctx: PageContext): Promise<void> {
  replace(
    ctx.main,
    pageHeading("Halaman tidak ditemukan"),
    h(
      "p",
      null,
      "Alamat yang Anda buka tidak ada. ",
      link(paths.home(), "Kembali ke beranda"),
      ".",
    ),
  );
}
