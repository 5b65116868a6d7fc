/**
 * `npm run example:programme -- <folder> [--seed N]`: writes the 22 example project workbooks of a
 * programme at Sanyuan's 2022 scale (12,197 households) into <folder>. Then:
 *   npm run --silent calc -- <folder> --out summary.xlsx
 */
import { PROGRAMME, generateProgramme } from "../src/cli/example-programme";
import { runAsScript } from "../src/cli/io";

async function main(argv: readonly string[]): Promise<number> {
  let dir: string | undefined;
  let seed = 2022;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--seed") seed = Number(argv[++i]);
    else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write("用法 Usage: npm run example:programme -- <folder> [--seed N]\n");
      return 0;
    } else dir = argv[i];
  }
  if (dir === undefined || !Number.isInteger(seed)) {
    process.stderr.write("用法 Usage: npm run example:programme -- <folder> [--seed N]\n");
    return 2;
  }
  const t0 = Date.now();
  const files = await generateProgramme(dir, seed);
  process.stderr.write(
    `已生成 ${files.length} 个项目工作簿（共 ${PROGRAMME.households} 户）于 ${dir}，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s / wrote ${files.length} workbooks (${PROGRAMME.households} households) to ${dir}\n`,
  );
  return 0;
}

runAsScript(main);
